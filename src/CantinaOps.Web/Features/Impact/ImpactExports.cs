using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

public enum ExportFormat
{
    /// <summary>RFC 4180: UTF-8, comma, CRLF, numbers with a dot.</summary>
    Csv,

    /// <summary>What Excel in French opens by a double click: UTF-8 with BOM, semicolon, CRLF, decimal comma.</summary>
    CsvExcelFrench,

    /// <summary>One sheet per table, numbers as numbers and dates as dates.</summary>
    Xlsx,
}

/// <summary>Writes the figures' tables as CSV (one file, tables one after another) or XLSX (one sheet per table).</summary>
public sealed class ImpactExports
{
    public static (string ContentType, string Extension) TypeOf(ExportFormat format) => format == ExportFormat.Xlsx
        ? ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
        : ("text/csv; charset=utf-8", "csv");

    public byte[] Write(IReadOnlyList<ImpactTable> tables, ExportFormat format) =>
        format == ExportFormat.Xlsx ? Xlsx(tables) : Csv(tables, format == ExportFormat.CsvExcelFrench);

    private static byte[] Csv(IReadOnlyList<ImpactTable> tables, bool excelFrench)
    {
        var culture = excelFrench ? Infrastructure.Localization.Culture("fr") : CultureInfo.InvariantCulture;
        // Tables follow one another in one file, so records differ in length.
        var options = new CsvWriterOptions
        {
            Separator = excelFrench ? ';' : ',', NewLine = "\r\n", WriteByteOrderMark = excelFrench, ValidateFieldCount = false,
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var table in tables)
            {
                csv.WriteField(table.Name);
                csv.EndRecord();
                foreach (var column in table.Columns)
                {
                    csv.WriteField(column);
                }

                csv.EndRecord();
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row)
                    {
                        csv.WriteField(ImpactTables.Text(cell, culture));
                    }

                    csv.EndRecord();
                }

                // A record of one empty field between tables (a record cannot be empty).
                csv.WriteField(string.Empty);
                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static byte[] Xlsx(IReadOnlyList<ImpactTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            var rows = table.Rows.Select(row =>
            {
                var record = new Dictionary<string, object?>();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    // Dates as dates (Excel serial dates), numbers as numbers, "< 5" as text.
                    record[table.Columns[i]] = row[i] is LocalDate d ? d.ToDateTimeUnspecified() : row[i];
                }

                return record;
            }).ToList();
            sheets[SheetName(table.Name, sheets.Keys)] = rows.Count > 0 ? rows : [table.Columns.ToDictionary(c => c, _ => (object?)null)];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean;
        return taken.Contains(clean) ? $"{clean[..Math.Min(clean.Length, 28)]} {taken.Count()}" : clean;
    }
}
