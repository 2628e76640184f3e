using Microsoft.AspNetCore.Mvc.ModelBinding;
using Refit;

namespace Nanhai.Admin.Platform;

public static class PlatformProblems
{
    /// <summary>
    /// Puts the field messages of the platform's problem+json answer beside the page's fields (the API names a field in
    /// camel case, the page property in Pascal case) and its title above the form when it names no field.
    /// <paramref name="prefix"/> is the form's, when a page has several.
    /// </summary>
    public static void AddPlatformProblem(this ModelStateDictionary modelState, ValidationApiException problem, string? prefix = null)
    {
        var form = prefix is null ? "" : prefix + ".";
        modelState.AddPlatformProblem(problem, field => field.Length == 0 ? form : form + char.ToUpperInvariant(field[0]) + field[1..], prefix ?? "");
    }

    /// <summary>
    /// As above, for a form whose inputs are not named like the API's fields: <paramref name="keyOf"/> maps a field to its
    /// input, and a message that names no field goes to <paramref name="formKey"/>.
    /// </summary>
    public static void AddPlatformProblem(this ModelStateDictionary modelState, ValidationApiException problem, Func<string, string> keyOf, string formKey = "")
    {
        var details = problem.Content;
        if (details?.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages)
                    modelState.AddModelError(keyOf(field), message);
            return;
        }
        modelState.AddModelError(formKey, details?.Detail ?? details?.Title ?? problem.Message);
    }
}
