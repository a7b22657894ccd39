using CantinaOps.Domain.Sites;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Infrastructure;

/// <summary>What the domain's kinds and the audit's action codes are called on a page, in the reader's language.</summary>
public static class DisplayNames
{
    public static string Name(this IStringLocalizer l, ResourceKind kind) => l[$"Kind.{kind}"].Value;

    public static string Name(this IStringLocalizer l, SpaceKind kind) => l[$"SpaceKind.{kind}"].Value;

    /// <summary>An audit action (<c>booking.move</c>) in words; an action without a translation keeps its code.</summary>
    public static string AuditAction(this IStringLocalizer l, string action) =>
        l[$"Audit.Action.{action}"] is { ResourceNotFound: false } text ? text.Value : action;
}
