using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Json.Schema;
using Nanhai.Application.Common;

namespace Nanhai.Application.ServiceMatters.Applications;

/// <summary>
/// Checks an applicant's answers (申请表单) against the form schema of the matter version the application pins, with
/// JsonSchema.Net, and words every failure for the applicant: keyed by the answer's JSON path (<c>answers.phone</c>,
/// <c>answers.children[0].name</c>, <c>answers</c> for the whole form), in Simplified Chinese with an English gloss,
/// naming the field by its schema <c>title</c>.
/// </summary>
/// <remarks>
/// Form schemas are trusted (they come from the published catalogue); answers are not, so their size and nesting are
/// capped before the evaluator sees them. Each schema is compiled once per process and shared by every application
/// on that matter version.
/// </remarks>
public static partial class FormAnswers
{
    /// <summary>The largest answers accepted, in UTF-8 bytes as sent.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    /// <summary>The deepest nesting of objects and arrays accepted; the answers object itself is level 1.</summary>
    public const int MaxDepth = 32;

    /// <summary>The error key of the answers as a whole; every field's key starts with it.</summary>
    public const string RootPath = "answers";

    // Hierarchical output nests a subschema's results under the node that applied it, so the walk can skip what a
    // passing node contains (the failed branches of a satisfied anyOf). Format is only an annotation unless asserted.
    // The invariant culture pins the library's English messages, which the "required" mapping reads property names from.
    static readonly EvaluationOptions evaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
        Culture = CultureInfo.InvariantCulture,
    };

    // Keyed by the SHA-256 of the schema's raw text: published versions never change, so an entry never goes stale,
    // and there are only as many entries as schema texts in the catalogue. Lazy makes concurrent first uses build once.
    static readonly ConcurrentDictionary<string, Lazy<CompiledForm>> compiled = new(StringComparer.Ordinal);

    /// <summary>
    /// The field-level errors of <paramref name="answers"/> against <paramref name="formSchema"/> (JSON path → messages);
    /// empty when the answers are valid.
    /// </summary>
    /// <exception cref="InvalidOperationException">The form schema itself cannot be compiled (a catalogue defect).</exception>
    public static IReadOnlyDictionary<string, string[]> Validate(JsonElement formSchema, JsonElement answers)
    {
        if (answers.ValueKind != JsonValueKind.Object)
            return Single(Messages.NotAnObject());
        if (JsonMarshal.GetRawUtf8Value(answers).Length > MaxAnswerBytes)
            return Single(Messages.TooLarge());
        if (NestsTooDeep(answers, level: 1))
            return Single(Messages.TooDeep());

        var form = Compile(formSchema);
        var results = form.Schema.Evaluate(answers, evaluation);
        if (results.IsValid)
            return ReadOnlyDictionary<string, string[]>.Empty;

        var errors = new FieldErrors();
        Collect(results, new FieldLocator(form.Source, answers), errors);
        return errors.ToDictionary();
    }

    /// <summary>Throws when <see cref="Validate"/> finds errors, for use cases that answer bad input with a problem.</summary>
    /// <exception cref="ValidationFailedException">The answers break the form schema.</exception>
    public static void ThrowIfInvalid(JsonElement formSchema, JsonElement answers)
    {
        var errors = Validate(formSchema, answers);
        if (errors.Count > 0)
            throw new ValidationFailedException(errors);
    }

    static IReadOnlyDictionary<string, string[]> Single(string message) =>
        new Dictionary<string, string[]> { [RootPath] = [message] };

    // Recursion stops one level past the cap, so hostile nesting costs no more than the cap.
    static bool NestsTooDeep(JsonElement element, int level) => element.ValueKind switch
    {
        JsonValueKind.Object => level > MaxDepth || element.EnumerateObject().Any(p => NestsTooDeep(p.Value, level + 1)),
        JsonValueKind.Array => level > MaxDepth || element.EnumerateArray().Any(i => NestsTooDeep(i, level + 1)),
        _ => false,
    };

    static CompiledForm Compile(JsonElement formSchema)
    {
        var key = Convert.ToHexString(SHA256.HashData(JsonMarshal.GetRawUtf8Value(formSchema)));
        return compiled.GetOrAdd(key, static (_, schema) => new Lazy<CompiledForm>(() => CompiledForm.Build(schema)), formSchema).Value;
    }

    /// <summary>
    /// Reports the failures under an invalid node. A node that fails with no message of its own and no failing child
    /// (a failed <c>not</c>, or <c>oneOf</c> with two matches) still gets a message, so no failure goes unexplained.
    /// </summary>
    static void Collect(EvaluationResults node, FieldLocator fields, FieldErrors errors)
    {
        var explained = false;
        if (node.Errors is { Count: > 0 })
        {
            var field = fields.Locate(node.InstanceLocation);
            foreach (var (keyword, message) in node.Errors)
                Describe(keyword, message, field, errors);
            explained = true;
        }
        foreach (var child in node.Details ?? [])
        {
            if (child.IsValid)
                continue;
            Collect(child, fields, errors);
            explained = true;
        }
        if (!explained)
        {
            var field = fields.Locate(node.InstanceLocation);
            errors.Add(field.Path, Messages.Invalid(field));
        }
    }

    static void Describe(string keyword, string libraryMessage, Field field, FieldErrors errors)
    {
        if (keyword is "required" or "dependentRequired")
        {
            // The missing names are only in the library's message; the schema's own list would also name fields
            // that a failing then/allOf branch did not require.
            var missing = MissingProperties(libraryMessage);
            if (missing.Count == 0)
                errors.Add(field.Path, Messages.SomeRequired(field));
            foreach (var name in missing)
            {
                var property = FieldLocator.Property(field, name);
                errors.Add(property.Path, Messages.Required(property));
            }
            return;
        }
        errors.Add(field.Path, Messages.For(keyword, field));
    }

    /// <summary>The names in a message such as <c>Required properties ["a","b"] are not present</c>.</summary>
    static IReadOnlyList<string> MissingProperties(string message)
    {
        var start = message.IndexOf('[');
        var end = message.LastIndexOf(']');
        if (start < 0 || end < start)
            return [];
        try
        {
            return JsonSerializer.Deserialize<string[]>(message.AsSpan(start, end - start + 1)) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    sealed record CompiledForm(JsonSchema Schema, JsonElement Source)
    {
        public static CompiledForm Build(JsonElement schema)
        {
            // The compiled schema keeps pointing into its source, which must outlive the caller's document.
            var source = schema.Clone();
            // A registry per schema: the global one refuses a second schema with the same $id (two versions of a
            // matter), and would keep every schema ever built. The dialect is pinned because the library's default
            // is the newer "v1", not the 2020-12 the catalogue writes.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
            try
            {
                return new CompiledForm(JsonSchema.Build(source, options), source);
            }
            catch (Exception e) when (e is JsonSchemaException or RefResolutionException or ArgumentException)
            {
                throw new InvalidOperationException($"The form schema is not a valid JSON Schema: {e.Message}", e);
            }
        }
    }

    /// <summary>Messages per field in the order found, each once.</summary>
    sealed class FieldErrors
    {
        readonly Dictionary<string, List<string>> byPath = new(StringComparer.Ordinal);
        readonly List<string> order = [];

        public void Add(string path, string message)
        {
            if (!byPath.TryGetValue(path, out var messages))
            {
                byPath[path] = messages = [];
                order.Add(path);
            }
            if (!messages.Contains(message))
                messages.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            order.ToDictionary(path => path, path => byPath[path].ToArray(), StringComparer.Ordinal);
    }
}
