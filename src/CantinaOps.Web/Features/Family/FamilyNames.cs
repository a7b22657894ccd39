using System.Globalization;
using CantinaOps.Domain.Sites;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Family;

/// <summary>
/// Names of machines, rooms and spaces as a family reads them, in its language (<see cref="Resource.FamilyName"/>):
/// family pages, the family's slip and its messages. The desk and the plans keep the coordinator's names.
/// </summary>
public sealed class FamilyNames(IStringLocalizer<SharedResource> l)
{
    /// <param name="language">The family's language; null: the language of the page being shown.</param>
    public string Of(Resource resource, string? language = null)
    {
        var tag = language ?? CultureInfo.CurrentUICulture.Name;
        using var _ = Infrastructure.Localization.Use(CultureInfo.GetCultureInfo(tag));
        return resource.FamilyName(tag, kind => l[$"Kind.{kind}"].Value);
    }

    public string Of(SpaceKind kind) => l[$"SpaceKind.{kind}"].Value;
}
