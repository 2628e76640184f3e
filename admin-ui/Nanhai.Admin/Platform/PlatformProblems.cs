using Microsoft.AspNetCore.Mvc.ModelBinding;
using Refit;

namespace Nanhai.Admin.Platform;

public static class PlatformProblems
{
    /// <summary>
    /// Puts the field messages of the platform's problem+json answer beside the page's fields (the API names a field in
    /// camel case, the page property in Pascal case) and its title above the form when it names no field.
    /// </summary>
    public static void AddPlatformProblem(this ModelStateDictionary modelState, ValidationApiException problem) =>
        modelState.AddPlatformProblem(problem, field => field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..]);

    /// <summary>As above, for a form whose inputs are not named like the API's fields: <paramref name="keyOf"/> maps a field to its input.</summary>
    public static void AddPlatformProblem(this ModelStateDictionary modelState, ValidationApiException problem, Func<string, string> keyOf)
    {
        var details = problem.Content;
        if (details?.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages)
                    modelState.AddModelError(keyOf(field), message);
            return;
        }
        modelState.AddModelError("", details?.Detail ?? details?.Title ?? problem.Message);
    }
}
