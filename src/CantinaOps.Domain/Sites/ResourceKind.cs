namespace CantinaOps.Domain.Sites;

public enum ResourceKind
{
    Washer = 1,
    Dryer = 2,
    CookingStation = 3,
    ProfessionalKitchen = 4,
}

public static class ResourceKinds
{
    /// <summary>
    /// Partners reserve the professional kitchen in blocks of their own length on a quarter-hour grid;
    /// every other resource is booked by fixed slots.
    /// </summary>
    public static bool IsBookedInBlocks(this ResourceKind kind) => kind == ResourceKind.ProfessionalKitchen;
}
