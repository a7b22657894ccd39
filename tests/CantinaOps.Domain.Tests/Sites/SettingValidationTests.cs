using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Sites;

public class SettingValidationTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, -3)]
    [InlineData(0, -3)]
    [InlineData(31, 2)]
    [InlineData(1, 51)]
    public void A_quota_tier_out_of_range_is_refused_and_nothing_changes(int fromSize, int perWeek)
    {
        var site = new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 2).Build();

        var error = site.SetQuota(SpaceKind.Laundry, fromSize, perWeek);

        Assert.Equal(SettingRule.QuotaOutOfRange, error?.Rule);
        var tier = Assert.Single(site.QuotaTiers);
        Assert.Equal((1, 2), (tier.FromHouseholdSize, tier.BookingsPerWeek));
    }

    [Fact]
    public void A_quota_tier_in_range_is_set()
    {
        var site = new SiteBuilder().Build();

        Assert.Null(site.SetQuota(SpaceKind.Laundry, 5, 0));
        Assert.Equal(0, Assert.Single(site.QuotaTiers).BookingsPerWeek);
    }

    [Fact]
    public void A_slot_length_out_of_range_is_refused_and_the_old_one_stays()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(SettingRule.SlotLengthOutOfRange, site.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(2))?.Rule);
        Assert.Equal(Duration.FromMinutes(60), site.SlotLengths.Single(s => s.Kind == ResourceKind.Washer).Length);
    }

    [Theory]
    [InlineData(SpaceKind.ProfessionalKitchen, ResourceKind.Dryer)]
    [InlineData(SpaceKind.ProfessionalKitchen, ResourceKind.Washer)]
    [InlineData(SpaceKind.ProfessionalKitchen, ResourceKind.CookingStation)]
    [InlineData(SpaceKind.Laundry, ResourceKind.ProfessionalKitchen)]
    [InlineData(SpaceKind.Laundry, ResourceKind.CookingStation)]
    [InlineData(SpaceKind.FamilyKitchen, ResourceKind.Washer)]
    public void A_resource_of_a_kind_that_does_not_belong_in_the_space_is_refused(SpaceKind spaceKind, ResourceKind kind)
    {
        var space = new SiteBuilder().Build().Space(spaceKind);
        var count = space.Resources.Count;

        Assert.Equal(SettingRule.KindNotInSpace, space.CanHold(kind)?.Rule);
        Assert.Throws<ArgumentException>(() => space.AddResource("New", kind));
        Assert.Equal(count, space.Resources.Count);
    }

    [Theory]
    [InlineData(SpaceKind.Laundry, ResourceKind.Washer)]
    [InlineData(SpaceKind.Laundry, ResourceKind.Dryer)]
    [InlineData(SpaceKind.FamilyKitchen, ResourceKind.CookingStation)]
    [InlineData(SpaceKind.ProfessionalKitchen, ResourceKind.ProfessionalKitchen)]
    public void A_resource_of_the_space_s_own_kind_is_added(SpaceKind spaceKind, ResourceKind kind)
    {
        var space = new SiteBuilder().Build().Space(spaceKind);

        Assert.Null(space.CanHold(kind));
        Assert.Equal(kind, space.AddResource("New", kind).Kind);
    }

    [Fact]
    public void A_retired_space_retires_its_resources_and_takes_no_new_one()
    {
        var space = new SiteBuilder().Build().Space(SpaceKind.Laundry);

        space.Retire();

        Assert.False(space.IsActive);
        Assert.All(space.Resources, r => Assert.False(r.IsActive));
        Assert.Equal(SettingRule.SpaceRetired, space.CanHold(ResourceKind.Washer)?.Rule);
        Assert.Throws<ArgumentException>(() => space.AddResource("New", ResourceKind.Washer));
    }

    [Theory]
    [InlineData("", SpaceKind.Laundry, 0, 14)]
    [InlineData("Salle", (SpaceKind)9, 0, 14)]
    [InlineData("Salle", SpaceKind.Laundry, -1, 14)]
    [InlineData("Salle", SpaceKind.Laundry, 43_201, 14)]
    [InlineData("Salle", SpaceKind.Laundry, 0, -1)]
    [InlineData("Salle", SpaceKind.Laundry, 0, 731)]
    public void A_new_space_out_of_range_is_refused_and_the_site_keeps_its_spaces(string name, SpaceKind kind, int noticeMinutes, int horizonDays)
    {
        var site = new SiteBuilder().Build();
        var count = site.Spaces.Count;

        Assert.ThrowsAny<ArgumentException>(() => site.AddSpace(name, kind, Duration.FromMinutes(noticeMinutes), horizonDays));
        Assert.Equal(count, site.Spaces.Count);
    }

    [Fact]
    public void A_new_space_opens_on_no_day_until_its_hours_are_set()
    {
        var space = new SiteBuilder().Build().AddSpace(" Salle 2 ", SpaceKind.FamilyKitchen, Duration.FromDays(30), Space.MostHorizonDays, requiresApproval: true);

        Assert.Equal(("Salle 2", true, true), (space.Name, space.IsActive, space.RequiresApproval));
        Assert.Empty(space.OpeningHours);
    }

    [Theory]
    [InlineData(-1, 1, 1, 2026, 12, 31, SettingRule.DateOutsideWindow)]
    [InlineData(2026, 1, 1, 2101, 1, 1, SettingRule.DateOutsideWindow)]
    [InlineData(1999, 12, 31, 2026, 1, 1, SettingRule.DateOutsideWindow)]
    [InlineData(2026, 6, 1, 2026, 5, 31, SettingRule.AgreementEndsBeforeStart)]
    public void An_agreement_outside_the_window_of_dates_or_ending_before_it_starts_is_refused(int y1, int m1, int d1, int y2, int m2, int d2, SettingRule rule)
    {
        var first = new LocalDate(y1, m1, d1);
        var last = new LocalDate(y2, m2, d2);

        Assert.Equal(rule, Agreement.Validate(first, last, [3])?.Rule);
        Assert.Throws<ArgumentException>(() => new Agreement(1, first, last, [3]));
    }

    [Fact]
    public void An_agreement_of_one_day_inside_the_window_is_valid_and_one_without_space_is_not()
    {
        var day = new LocalDate(2026, 12, 10);

        Assert.Null(Agreement.Validate(day, day, [3]));
        Assert.Equal(SettingRule.AgreementWithoutSpace, Agreement.Validate(day, day, [])?.Rule);
    }

    [Fact]
    public void A_closure_outside_the_window_of_dates_is_refused()
    {
        var site = new SiteBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => site.AddClosure(new LocalDate(-1, 1, 1), new LocalDate(2026, 1, 1), "Bad"));
        Assert.Empty(site.Closures);
    }
}
