namespace CantinaOps.Domain.Partners;

/// <summary>A food-aid association that reserves the professional kitchen.</summary>
public sealed class Partner
{
    private Partner()
    {
        Name = string.Empty;
    }

    public Partner(string name, string? contact)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string? Contact { get; private set; }
    public bool IsActive { get; private set; }
}
