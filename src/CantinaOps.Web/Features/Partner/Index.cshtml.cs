using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>The partner's calendar: its blocks week by week from a day it chooses, to cancel, move or report.</summary>
public sealed class IndexModel(PartnerCalendar calendar, PartnerScheduling scheduling, IStringLocalizer<SharedResource> l) : PartnerPage
{
    /// <summary>How many weeks the calendar shows: a whole month from any of its days.</summary>
    public const int Weeks = 6;

    public string Partner { get; private set; } = string.Empty;
    public IReadOnlyList<PartnerCalendar.Entry> Entries { get; private set; } = [];

    /// <summary>The day asked for: its month is the one the PDF link prints.</summary>
    public LocalDate Day { get; private set; }

    public LocalDate FirstMonday => Day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>The "cancel this and all following" waiting for its answer on its row.</summary>
    public int? Confirm { get; private set; }

    public async Task OnGetAsync(string? from, int? confirm, CancellationToken cancellationToken)
    {
        Day = DateWindow.ParseDate(from) is { } day && DateWindow.Contains(day.PlusWeeks(Weeks)) && DateWindow.Contains(day.PlusMonths(-1))
            ? day : await calendar.TodayAsync(cancellationToken);
        Confirm = confirm;
        (Partner, Entries) = await calendar.LoadAsync(PartnerId, FirstMonday, Weeks, cancellationToken);
    }

    /// <param name="confirmed">"This and all following" is done only once asked and answered on the row.</param>
    public async Task<IActionResult> OnPostCancelAsync(int id, bool following, bool confirmed, string? from, CancellationToken cancellationToken)
    {
        var back = DateWindow.ParseDate(from)?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (following && !confirmed)
        {
            return RedirectToPage(null, null, new { from = back, confirm = id }, $"b-{id}");
        }

        var refusal = await scheduling.CancelAsync(PartnerId, id, following, Actor, cancellationToken);
        TempData["Message"] = refusal is null ? l["Partner.Cancelled"].Value : l.Explain(refusal);
        return RedirectToPage(new { from = back });
    }
}
