using NodaTime;

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

    public void Change(string name, string? contact)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
    }

    /// <summary>
    /// Ends the partnership on <paramref name="lastDay"/>: each agreement stops that day at the latest, so no
    /// block is accepted after it. Null when done; the refusal when an agreement would end before it starts.
    /// </summary>
    public Sites.SettingError? End(LocalDate lastDay, IEnumerable<Agreement> agreements)
    {
        var running = agreements.Where(a => a.PartnerId == Id && a.LastDay > lastDay).ToList();
        if (running.FirstOrDefault(a => a.FirstDay > lastDay) is { } later)
        {
            return new Sites.SettingError(Sites.SettingRule.AgreementEndsBeforeStart,
                $"An agreement starts on {later.FirstDay:yyyy-MM-dd}, after {lastDay:yyyy-MM-dd}.");
        }

        running.ForEach(a => a.EndOn(lastDay));
        IsActive = false;
        return null;
    }
}
