using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>The eleven French public holidays of a year, offered to the coordinator as closures to accept.</summary>
public static class FrenchPublicHolidays
{
    public static IReadOnlyList<(LocalDate Date, string Name)> For(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            (new LocalDate(year, 1, 1), "Jour de l'an"),
            (easter.PlusDays(1), "Lundi de Pâques"),
            (new LocalDate(year, 5, 1), "Fête du travail"),
            (new LocalDate(year, 5, 8), "Victoire 1945"),
            (easter.PlusDays(39), "Ascension"),
            (easter.PlusDays(50), "Lundi de Pentecôte"),
            (new LocalDate(year, 7, 14), "Fête nationale"),
            (new LocalDate(year, 8, 15), "Assomption"),
            (new LocalDate(year, 11, 1), "Toussaint"),
            (new LocalDate(year, 11, 11), "Armistice 1918"),
            (new LocalDate(year, 12, 25), "Noël"),
        ];
    }

    /// <summary>Gregorian Easter (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
