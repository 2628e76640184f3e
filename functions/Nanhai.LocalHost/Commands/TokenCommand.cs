using Microsoft.Extensions.Options;
using Nanhai.Application.Common;
using Nanhai.Infrastructure.Security;

namespace Nanhai.LocalHost.Commands;

/// <summary>
/// <c>token --role ROLE [--subject ID] [--unit U] [--centre C] [--name N]</c>: prints a bearer token signed by the
/// development issuer on its last line (what ./nanhai token runs).
/// </summary>
public static class TokenCommand
{
    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        var arguments = Parse(args);
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var validation = new AuthOptionsValidator(environment).Validate(null, auth);
        if (validation.Failed || !auth.DevelopmentIssuer.Enabled)
        {
            Console.Error.WriteLine(validation.Failed ? validation.FailureMessage : "The development issuer is not enabled (Auth:DevelopmentIssuer:Enabled).");
            return 2;
        }
        if (!arguments.TryGetValue("role", out var role))
        {
            Console.Error.WriteLine("usage: token --role ROLE [--subject ID] [--unit U] [--centre C] [--name N]");
            return 2;
        }
        try
        {
            var issuer = new DevelopmentTokenIssuer(Options.Create(auth), TimeProvider.System);
            Console.WriteLine(issuer.Issue(arguments.GetValueOrDefault("subject") ?? $"dev-{role}", role,
                arguments.GetValueOrDefault("unit"), arguments.GetValueOrDefault("centre"), arguments.GetValueOrDefault("name")));
            return 0;
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors) Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            return 2;
        }
    }

    static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) values[args[i][2..]] = args[i + 1];
        return values;
    }
}
