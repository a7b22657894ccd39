using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Partners;

public class PartnershipTests
{
    [Fact]
    public void Ending_a_partnership_ends_its_running_agreements_that_day_and_keeps_those_already_over()
    {
        var partner = new Partner("Restos", null);
        var running = new Agreement(partner.Id, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31), [1]);
        var over = new Agreement(partner.Id, new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30), [1]);

        Assert.Null(partner.End(new LocalDate(2027, 1, 31), [running, over]));

        Assert.False(partner.IsActive);
        Assert.Equal(new LocalDate(2027, 1, 31), running.LastDay);
        Assert.Equal(new LocalDate(2025, 6, 30), over.LastDay);
        Assert.Null(Agreement.Check([running, over], 1, new LocalDate(2027, 1, 31)));
        Assert.Equal(Rule.OutsideAgreement, Agreement.Check([running, over], 1, new LocalDate(2027, 2, 1))?.Rule);
    }

    [Fact]
    public void A_partnership_cannot_end_before_one_of_its_agreements_starts()
    {
        var partner = new Partner("Épicerie", null);
        var later = new Agreement(partner.Id, new LocalDate(2027, 3, 1), new LocalDate(2027, 12, 31), [1]);

        Assert.Equal(SettingRule.AgreementEndsBeforeStart, partner.End(new LocalDate(2027, 2, 1), [later])?.Rule);

        Assert.True(partner.IsActive);
        Assert.Equal(new LocalDate(2027, 12, 31), later.LastDay);
    }
}
