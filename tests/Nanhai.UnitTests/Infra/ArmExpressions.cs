using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nanhai.UnitTests.Infra;

/// <summary>
/// Evaluates a compiled template's expressions (<c>[format('{0}-bus', parameters('prefix'))]</c>) as Resource Manager does
/// for one deployment, so that tests can see the values an app setting will really have. It knows the functions the
/// template's app settings use; <see cref="Reference"/> answers <c>reference()</c> with what Azure reports about a
/// deployed resource (its type and name given).
/// </summary>
sealed class ArmExpressions(JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, ArmExpressions.Reference reference)
{
    public delegate JsonNode Reference(string type, string name);

    const string Subscription = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/nanhai";

    /// <summary>Azure China's cloud as <c>environment()</c> reports it.</summary>
    static readonly JsonNode Cloud = JsonNode.Parse("""
        { "name": "AzureChinaCloud", "authentication": { "loginEndpoint": "https://login.chinacloudapi.cn/" } }
        """)!;

    const string TenantId = "6c3e1d2b-0a4f-4b8e-9d7c-5e2f1a3b4c5d";

    /// <summary>A template value: strings in brackets are expressions, objects and arrays are evaluated member by member.</summary>
    public JsonNode? Evaluate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => EvaluateString(value.GetString()!),
        JsonValueKind.Object => new JsonObject(value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Evaluate(p.Value)))),
        JsonValueKind.Array => new JsonArray(value.EnumerateArray().Select(Evaluate).ToArray()),
        _ => JsonNode.Parse(value.GetRawText()),
    };

    public JsonNode? EvaluateString(string text) =>
        text.StartsWith('[') && text.EndsWith(']') && !text.StartsWith("[[")
            ? new Parser(this, text[1..^1]).ParseWhole()
            : JsonValue.Create(text.StartsWith("[[") ? text[1..] : text);

    JsonNode? Call(string function, IReadOnlyList<JsonNode?> arguments)
    {
        string Text(int i) => arguments[i]!.GetValue<string>();
        return function.ToLowerInvariant() switch
        {
            "parameters" => Parameter(Text(0)),
            "variables" => Evaluate(template.GetProperty("variables").GetProperty(Text(0))),
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(0), arguments.Skip(1).Select(a => a is JsonValue v ? v.ToString() : a?.ToJsonString()).ToArray<object?>())),
            "resourceid" => JsonValue.Create(ResourceId(arguments.Select(a => a!.GetValue<string>()).ToList())),
            "reference" => ReferenceById(Text(0)),
            "split" => new JsonArray(Text(0).Split(Text(1)).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            "if" => arguments[0]!.GetValue<bool>() ? arguments[1]?.DeepClone() : arguments[2]?.DeepClone(),
            "equals" => JsonValue.Create(JsonNode.DeepEquals(arguments[0], arguments[1])),
            "environment" => Cloud.DeepClone(),
            "tenant" => new JsonObject { ["tenantId"] = TenantId },
            _ => throw new NotSupportedException($"The template uses {function}(), which ArmExpressions does not evaluate yet."),
        };
    }

    JsonNode? Parameter(string name)
    {
        if (parameters.TryGetValue(name, out var value)) return value?.DeepClone();
        var declared = template.GetProperty("parameters").GetProperty(name);
        return declared.TryGetProperty("defaultValue", out var fallback)
            ? Evaluate(fallback)
            : throw new InvalidOperationException($"The deployment gives no value for the parameter '{name}', which has no default.");
    }

    static string ResourceId(IReadOnlyList<string> typeAndNames)
    {
        var types = typeAndNames[0].Split('/');
        var path = types[0];
        for (var i = 1; i < types.Length; i++) path += $"/{types[i]}/{typeAndNames[i]}";
        return $"{Subscription}/providers/{path}";
    }

    JsonNode ReferenceById(string id)
    {
        var segments = id[(id.IndexOf("/providers/", StringComparison.Ordinal) + "/providers/".Length)..].Split('/');
        var type = segments[0] + string.Concat(segments.Skip(1).Where((_, i) => i % 2 == 0).Select(t => "/" + t));
        var name = string.Join('/', segments.Skip(1).Where((_, i) => i % 2 == 1));
        return reference(type, name);
    }

    /// <summary>Recursive descent over one expression: calls, string and integer literals, <c>.property</c> and <c>[index]</c>.</summary>
    sealed class Parser(ArmExpressions arm, string text)
    {
        int position;

        public JsonNode? ParseWhole()
        {
            var value = ParseExpression();
            SkipSpaces();
            if (position != text.Length) throw Error("unexpected text");
            return value;
        }

        JsonNode? ParseExpression()
        {
            SkipSpaces();
            var value = ParsePrimary();
            while (position < text.Length)
            {
                if (text[position] == '.')
                {
                    position++;
                    var property = ParseIdentifier();
                    value = value is JsonObject o && o.TryGetPropertyValue(property, out var member)
                        ? member
                        : throw Error($"no property '{property}' in {value?.ToJsonString()}");
                }
                else if (text[position] == '[')
                {
                    position++;
                    var index = ParseExpression();
                    Expect(']');
                    value = value switch
                    {
                        JsonArray a => a[index!.GetValue<int>()],
                        JsonObject o => o[index!.GetValue<string>()],
                        _ => throw Error("indexing a value that is neither an array nor an object"),
                    };
                }
                else break;
            }
            return value;
        }

        JsonNode? ParsePrimary()
        {
            if (text[position] == '\'')
            {
                var literal = new System.Text.StringBuilder();
                for (position++; ; position++)
                {
                    if (position >= text.Length) throw Error("unterminated string");
                    if (text[position] != '\'') literal.Append(text[position]);
                    else if (position + 1 < text.Length && text[position + 1] == '\'') literal.Append(text[++position]);
                    else break;
                }
                position++;
                return JsonValue.Create(literal.ToString());
            }
            if (char.IsDigit(text[position]) || text[position] == '-')
            {
                var start = position++;
                while (position < text.Length && char.IsDigit(text[position])) position++;
                return JsonValue.Create(int.Parse(text[start..position], CultureInfo.InvariantCulture));
            }
            var function = ParseIdentifier();
            Expect('(');
            var arguments = new List<JsonNode?>();
            SkipSpaces();
            if (text[position] != ')')
            {
                do arguments.Add(ParseExpression()); while (TryConsume(','));
            }
            Expect(')');
            return arm.Call(function, arguments);
        }

        string ParseIdentifier()
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$' or '#')) position++;
            return position > start ? text[start..position] : throw Error("identifier expected");
        }

        bool TryConsume(char c)
        {
            SkipSpaces();
            if (position < text.Length && text[position] == c) { position++; return true; }
            return false;
        }

        void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"'{c}' expected");
        }

        void SkipSpaces()
        {
            while (position < text.Length && text[position] == ' ') position++;
        }

        FormatException Error(string message) => new($"{message} at {position} in [{text}]");
    }
}
