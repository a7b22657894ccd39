using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CantinaOps.Web.Tests.Messaging;

public class WeeklyPlansMailTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task On_friday_next_week_s_plans_are_stored_and_mailed_once_to_coordinators_and_each_partner_its_schedule()
    {
        await app.WithDbAsync(async db =>
        {
            var partner = await db.Partners.SingleAsync(p => p.Id == app.Site.PartnerA);
            db.Entry(partner).Property(p => p.Contact).CurrentValue = "planning@restos-test.org";
            await db.SaveChangesAsync();
        });
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-08T07:30", "2026-12-08T13:00", app.Site.PartnerA);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 4, 13, 0)); // Friday 14:00 in Paris
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                Assert.Equal(new LocalDate(2026, 12, 7), await scope.ServiceProvider.GetRequiredService<WeeklyPlanJob>().RunAsync(CancellationToken.None));
                await app.Services.GetRequiredService<DispatchSender>().DrainAsync(4, CancellationToken.None);
            }
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var plans = await app.WithDbAsync(db => db.Set<StoredDocument>().Where(d => d.Key.StartsWith("weekly-plan:")).ToListAsync());
        Assert.Equal(2, plans.Count); // laundry and pro kitchen
        var coordinatorMail = Assert.Single(app.Smtp.Received, m => m.To.ToString().Contains(TestSite.Coordinator, StringComparison.Ordinal));
        Assert.Equal(2, coordinatorMail.Attachments.Count());
        var partnerMail = Assert.Single(app.Smtp.Received, m => m.To.ToString().Contains("planning@restos-test.org", StringComparison.Ordinal));
        var attachment = (MimeKit.MimePart)Assert.Single(partnerMail.Attachments);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        using var pdf = PdfDocument.Open(content.ToArray());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Restos Test", text, StringComparison.Ordinal);
    }
}
