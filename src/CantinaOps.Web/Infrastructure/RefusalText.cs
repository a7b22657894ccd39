using CantinaOps.Domain.Bookings;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// A domain refusal in the reader's language: its explanation (<c>Refusal.{reason}</c>, formatted with the
/// refusal's own arguments in the current culture), or the rule's name when it has no explanation of its
/// own. Never the English detail, which is the API's.
/// </summary>
public static class RefusalText
{
    public static string Explain(this IStringLocalizer l, Refusal refusal)
    {
        if (refusal.Reason is { } reason)
        {
            var arguments = refusal.Arguments.Select(a => a is Refusal inner ? l.Explain(inner) : a).ToArray();
            var text = l[$"Refusal.{reason}", arguments!];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        return l[$"Rule.{refusal.Rule}"].Value;
    }
}
