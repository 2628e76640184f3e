using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Nanhai.Infrastructure.Security;

namespace Nanhai.Admin.Security;

public static class StaffSignInServiceCollectionExtensions
{
    public const string SignInPath = "/Account/SignIn";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    /// <summary>Sign-in (Entra ID, or the development sign-in), the staff policies and the platform tokens for API calls.</summary>
    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StaffSignInOptions>()
            .BindConfiguration(StaffSignInOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !(o.Development && environment.IsProduction()), "SignIn:Development cannot be enabled in Production.")
            .ValidateOnStart();
        // The schemes are chosen now, before options validation runs: refuse here too rather than wire the development sign-in.
        var signIn = configuration.GetSection(StaffSignInOptions.Section).Get<StaffSignInOptions>() ?? new();
        if (signIn.Development && environment.IsProduction())
            throw new OptionsValidationException(StaffSignInOptions.Section, typeof(StaffSignInOptions), ["SignIn:Development cannot be enabled in Production."]);

        if (signIn.Development)
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<DevelopmentTokenIssuer>();
            services.AddSingleton<IPlatformTokens, DevelopmentPlatformTokens>();
        }
        else
        {
            services.AddMicrosoftIdentityWebAppAuthentication(configuration, EntraSignInOptionsValidator.Section)
                .EnableTokenAcquisitionToCallDownstreamApi([signIn.ApiScope])
                .AddInMemoryTokenCaches();
            // App roles arrive in the "roles" claim, the same claim the platform reads from its tokens.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                oidc => oidc.TokenValidationParameters.RoleClaimType = ClaimNames.Roles);
            services.AddSingleton<IValidateOptions<MicrosoftIdentityOptions>, EntraSignInOptionsValidator>();
            services.AddOptions<MicrosoftIdentityOptions>(OpenIdConnectDefaults.AuthenticationScheme).ValidateOnStart();
            services.AddScoped<IPlatformTokens, EntraPlatformTokens>();
        }
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "nanhai-admin";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddHttpContextAccessor();
        services.AddTransient<PlatformTokenHandler>();
        services.AddAuthorizationBuilder().AddStaffPolicies();
        return services;
    }
}
