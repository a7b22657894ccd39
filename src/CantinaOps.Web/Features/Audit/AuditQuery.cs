using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Audit;

/// <summary>The audit trail filtered by who, what and when, newest first: a page of it, or all of it as CSV.</summary>
public sealed class AuditQuery(CantinaOpsDb db, Scheduling.ScheduleCache rules)
{
    public const int PageSize = 50;

    /// <param name="Who">Part of the actor's name; <paramref name="What"/> an action or its family (<c>booking</c> for every <c>booking.*</c>).</param>
    public sealed record Filter(string? Who, string? What, LocalDate? From, LocalDate? To);

    public sealed record Line(Instant At, string Actor, string Action, string Subject, string? Detail);

    public sealed record Page(IReadOnlyList<Line> Lines, int Total, int Number, DateTimeZone Zone, IReadOnlyList<string> Actions);

    public async Task<Page> PageAsync(Filter filter, int number, CancellationToken cancellationToken)
    {
        var (query, zone) = await QueryAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var last = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(number, 1, last);
        var lines = await query.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new Line(a.At, a.ActorName, a.Action, a.Subject, a.Detail)).ToListAsync(cancellationToken);
        var actions = await db.Audit.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return new Page(lines, total, page, zone, actions);
    }

    /// <summary>Every line the filter keeps, as CSV (UTF-8, comma, CRLF); a cell that a spreadsheet would read as a formula is quoted with a leading apostrophe.</summary>
    public async Task<byte[]> CsvAsync(Filter filter, CancellationToken cancellationToken)
    {
        var (query, zone) = await QueryAsync(filter, cancellationToken);
        var lines = await query.Take(100_000).Select(a => new Line(a.At, a.ActorName, a.Action, a.Subject, a.Detail)).ToListAsync(cancellationToken);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ',', NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var header in new[] { "at", "actor", "action", "subject", "detail" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var line in lines)
            {
                csv.WriteField(line.At.InZone(zone).ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss", System.Globalization.CultureInfo.InvariantCulture));
                csv.WriteField(Safe(line.Actor));
                csv.WriteField(Safe(line.Action));
                csv.WriteField(Safe(line.Subject));
                csv.WriteField(Safe(line.Detail ?? string.Empty));
                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static string Safe(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private async Task<(IQueryable<AuditEntry> Query, DateTimeZone Zone)> QueryAsync(Filter filter, CancellationToken cancellationToken)
    {
        var zone = (await rules.DefaultAsync(db, cancellationToken)).Zone;
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
            var who = filter.Who.Trim();
            query = query.Where(a => a.ActorName.Contains(who));
        }

        if (!string.IsNullOrWhiteSpace(filter.What))
        {
            var what = filter.What.Trim();
            var family = what + ".";
            query = query.Where(a => a.Action == what || a.Action.StartsWith(family));
        }

        if (filter.From is { } from && DateWindow.Contains(from))
        {
            var start = zone.AtStartOfDay(from).ToInstant();
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to && DateWindow.Contains(to.PlusDays(1)))
        {
            var end = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
            query = query.Where(a => a.At < end);
        }

        return (query.OrderByDescending(a => a.Id), zone);
    }
}
