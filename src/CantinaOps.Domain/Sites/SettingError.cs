namespace CantinaOps.Domain.Sites;

/// <summary>Which configuration rule a coordinator's change breaks; pages name it in the person's language.</summary>
public enum SettingRule
{
    QuotaOutOfRange,
    SlotLengthOutOfRange,
    KindNotInSpace,
    DateOutsideWindow,
    AgreementEndsBeforeStart,
    AgreementWithoutSpace,
    NoShowOutOfRange,
    RemindersOutOfRange,
    SpaceRetired,
}

/// <summary>Why a change to the site's configuration was refused: nothing was changed.</summary>
public sealed record SettingError(SettingRule Rule, string Detail);
