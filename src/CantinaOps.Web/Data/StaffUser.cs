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

    /// <summary>Read-only: the impact figures, report and API, and nothing else — no household, no code, no name.</summary>
    public const string Funder = nameof(Funder);

    public static readonly string[] All = [Coordinator, Desk, Partner, Funder];

    /// <summary>Those who work with bookings (the booking API is theirs; a funder's token is refused there).</summary>
    public static readonly string[] Operational = [Coordinator, Desk, Partner];
}
