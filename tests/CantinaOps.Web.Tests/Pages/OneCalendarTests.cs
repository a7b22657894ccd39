using System.Net;
using System.Text;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Pages;

/// <summary>
/// Every language dates by the Gregorian calendar with its own month names: .NET's Dari (fa-AF) culture
/// defaults to the Persian solar calendar, which put "قوس" (the solar month) on Gregorian day numbers.
/// </summary>
public class OneCalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Persian solar months (Afghan and Iranian names) and Hijri months: none may follow a day number.
    private static readonly string[] OtherCalendarMonths =
    [
        "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت",
        "فروردین", "اردیبهشت", "خرداد", "مرداد", "شهریور", "آبان", "آذر", "بهمن", "اسفند",
        "جمادى", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة", "محرم", "صفر",
    ];

    private async Task SpeaksAsync(int index, string language) => await app.WithDbAsync(async db =>
    {
        var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
        household.Update(household.Size, language, null, null, null);
        await db.SaveChangesAsync();
    });

    private static void NoOtherCalendar(string text)
    {
        foreach (var month in OtherCalendarMonths)
        {
            Assert.DoesNotMatch($@"\d\s*(<[^>]*>\s*)*{month}", text);
        }
    }

    [Theory]
    [InlineData("fa-AF", "جنوری فبروری مارچ اپریل می جون جولای اگست سپتمبر اکتوبر نومبر دسمبر")]
    [InlineData("ps", "جنوري فبروري مارچ اپریل مۍ جون جولای اګست سېپتمبر اکتوبر نومبر دسمبر")]
    [InlineData("ar", "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر")]
    [InlineData("ti", "ጥሪ ለካቲት መጋቢት ሚያዝያ ግንቦት ሰነ ሓምለ ነሓሰ መስከረም ጥቅምቲ ሕዳር ታሕሳስ")]
    public void A_language_s_culture_names_the_gregorian_months(string language, string months)
    {
        var culture = CantinaOps.Web.Infrastructure.Localization.Culture(language);

        Assert.IsType<System.Globalization.GregorianCalendar>(culture.DateTimeFormat.Calendar);
        Assert.Equal(months.Split(' '), culture.DateTimeFormat.MonthGenitiveNames.Take(12));
        Assert.Equal("2 " + months.Split(' ')[11], new LocalDate(2026, 12, 2).ToString("d MMMM", culture));
    }

    [Fact]
    public async Task The_family_booking_page_shows_gregorian_months_in_dari_and_arabic()
    {
        foreach (var (index, language, heading, november) in new[] { (120, "fa-AF", "چهارشنبه 2 دسمبر", "نومبر"), (121, "ar", "الأربعاء 2 ديسمبر", "نوفمبر") })
        {
            await SpeaksAsync(index, language);
            var family = await app.SignedInFamilyAsync(app.Site.Households[index]);
            var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

            var page = WebUtility.HtmlDecode(await family.GetStringAsync($"/Family/Book?space={laundry}&kind=Washer&day=2026-12-02"));

            Assert.Contains($"lang=\"{language}\"", page, StringComparison.Ordinal);
            Assert.Contains(heading, page, StringComparison.Ordinal);
            Assert.Contains(november, page, StringComparison.Ordinal); // the day card of Monday 30 November
            NoOtherCalendar(page);
        }
    }

    [Fact]
    public async Task A_reminder_names_the_gregorian_month_in_dari_and_arabic()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<MessageComposer>();
        var start = new LocalDateTime(2026, 12, 2, 10, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        foreach (var (language, day) in new[] { ("fa-AF", "چهارشنبه 2 دسمبر"), ("ar", "الأربعاء 2 ديسمبر") })
        {
            var (_, text) = composer.Compose("reminder-evening", language, new MessageComposer.About(ResourceKind.Washer, "Washer 1", start, null), null);

            Assert.Contains(day, text, StringComparison.Ordinal);
            Assert.Contains("10:00", text, StringComparison.Ordinal);
            NoOtherCalendar(text);
        }
    }

    [Fact]
    public async Task The_week_slip_names_the_gregorian_month_in_dari_and_arabic()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        foreach (var (index, language, time, day) in new[] { (122, "fa-AF", "10:00", "چهارشنبه 2 دسمبر"), (123, "ar", "11:00", "الأربعاء 2 ديسمبر") })
        {
            await SpeaksAsync(index, language);
            Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer1, $"2026-12-02T{time}", app.Site.Households[index])).StatusCode);

            var slip = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Print/Family?household={app.Site.Households[index]}&week=2026-11-30"));

            Assert.Contains(day, slip, StringComparison.Ordinal);
            Assert.Contains("mercredi 2 décembre", slip, StringComparison.Ordinal);
            NoOtherCalendar(slip);
        }
    }

    [Fact]
    public async Task A_tigrinya_slip_is_printed_from_its_html_twin_with_gregorian_months()
    {
        await SpeaksAsync(124, "ti");
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer2, "2026-12-02T10:00", app.Site.Households[124])).StatusCode);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.GetAsync($"/Print/Family?household={app.Site.Households[124]}&week=2026-11-30&format=pdf");
        var slip = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ረቡዕ 2 ታሕሳስ", slip, StringComparison.Ordinal);
        Assert.Contains("ምሕዛዛተይ ናይዚ ሰሙን", slip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_sheet_pdf_names_pashto_and_tigrinya_in_letters_its_fonts_can_draw()
    {
        await SpeaksAsync(125, "ps");
        await SpeaksAsync(126, "ti");
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer2, "2026-11-30T14:00", app.Site.Households[125])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer2, "2026-11-30T15:00", app.Site.Households[126])).StatusCode);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var pdf = await desk.GetByteArrayAsync("/Print/Day?format=pdf");

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC);
        Assert.Contains("pachto", text, StringComparison.Ordinal);
        Assert.Contains("tigrigna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ትግርኛ", text, StringComparison.Ordinal);
    }
}
