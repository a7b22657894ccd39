namespace CantinaOps.Domain.Sites;

/// <summary>What a space is used for; names of spaces are free text chosen by the coordinator.</summary>
public enum SpaceKind
{
    Laundry = 1,
    FamilyKitchen = 2,
    ProfessionalKitchen = 3,
}
