using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Sites;

public class ResourceFamilyNameTests
{
    private static string Word(ResourceKind kind) => kind switch
    {
        ResourceKind.Washer => "غسالة",
        ResourceKind.Dryer => "مجففة",
        ResourceKind.CookingStation => "محطة طبخ",
        _ => "المطبخ المهني",
    };

    [Fact]
    public void A_family_reads_the_kind_in_its_language_and_the_machines_number()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal("غسالة 2", site.Resource("Washer 2").FamilyName("ar", Word));
        Assert.Equal("مجففة 1", site.Resource("Dryer 1").FamilyName("ar", Word));
        Assert.Equal("Washer 2", site.Resource("Washer 2").Name); // the desk keeps the site's name
    }

    [Fact]
    public void A_name_without_a_number_is_counted_among_its_kind()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal("محطة طبخ 2", site.Resource("Table").FamilyName("ar", Word));
        Assert.Equal("المطبخ المهني", site.Resource("Pro kitchen").FamilyName("ar", Word));
    }

    [Fact]
    public void A_coordinators_name_in_a_language_is_what_that_language_reads()
    {
        var washer = new SiteBuilder().Build().Resource("Washer 1");

        Assert.True(washer.SetLocalName("ar", " الغسالة الكبيرة "));
        Assert.True(washer.SetLocalName("uk", "Велика пральна"));

        Assert.Equal("الغسالة الكبيرة", washer.FamilyName("ar", Word));
        Assert.Equal("Велика пральна", washer.FamilyName("uk", _ => "Пральна машина"));
        Assert.Equal("Lave-linge 1", washer.FamilyName("fr", _ => "Lave-linge"));
        Assert.True(washer.SetLocalName("ar", ""));
        Assert.Equal("غسالة 1", washer.FamilyName("ar", Word));
        Assert.Equal("Велика пральна", washer.FamilyName("uk", _ => "Пральна машина"));
    }

    [Fact]
    public void A_name_is_refused_in_an_unknown_language_or_on_several_lines()
    {
        var washer = new SiteBuilder().Build().Resource("Washer 1");

        Assert.False(washer.SetLocalName("xx", "Name"));
        Assert.False(washer.SetLocalName("ar", "a\nuk=b"));
        Assert.False(washer.SetLocalName("ar", new string('x', Resource.MaxNameLength + 1)));
        Assert.Null(washer.LocalNames);
    }
}
