using Microsoft.AspNetCore.Identity;

namespace CantinaOps.Web.Data;

/// <summary>A staff or partner account. Families never get one: they sign in with their code.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for users of a partner association; they act only for that partner.</summary>
    public int? PartnerId { get; set; }
}

public static class Roles
{
    public const string Coordinator = nameof(Coordinator);
    public const string Desk = nameof(Desk);
    public const string Partner = nameof(Partner);

    public static readonly string[] All = [Coordinator, Desk, Partner];
}
