using System.Globalization;
using MakerShop.Core;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Localization;

/// <summary>
/// A refused form field in the page's language. The rules in Core word their refusals in English with the value that was
/// wrong; that sentence is shown as is on an English page. On a French page the field's own sentence from the resources
/// (<c>Adm.Problem.{context}.{field}</c>, else <c>Adm.Problem.{field}</c>) says what the field must hold; a refusal the
/// resources do not know stays in English rather than being hidden.
/// </summary>
public static class ProblemText
{
    public static string For(IStringLocalizer localizer, string context, string? field, string message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (message == Geometry.Gcode.BinaryGcode.PlainGcodeOnly && !localizer["Problem.BinaryGcode"].ResourceNotFound)
        {
            // Said in the reader's words rather than under the field's general G-code refusal.
            return localizer["Problem.BinaryGcode"].Value;
        }

        if (field is null || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return message;
        }

        var specific = localizer[$"Adm.Problem.{context}.{field}"];
        if (!specific.ResourceNotFound)
        {
            return specific.Value;
        }

        var general = localizer["Adm.Problem." + field];
        return general.ResourceNotFound ? message : general.Value;
    }

    public static string For(IStringLocalizer localizer, string context, DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return For(localizer, context, (exception as DomainValidationException)?.Field, exception.Message);
    }

    /// <summary>Every problem of a form (field → English sentence), each in the page's language.</summary>
    public static IReadOnlyDictionary<string, string> For(IStringLocalizer localizer, string context, IReadOnlyDictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.ToDictionary(p => p.Key, p => For(localizer, context, p.Key, p.Value), StringComparer.Ordinal);
    }
}
