using System.Threading.RateLimiting;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Accounts;

/// <summary>Cookie sign-in for the owner and makers, role policies, and throttled sign-in attempts.</summary>
public static class AccountsSetup
{
    public const string OwnerPolicy = "owner";
    public const string MakerPolicy = "maker";

    /// <summary>The owner or a maker, signed in or (the owner) with the owner key: the fleet API.</summary>
    public const string StaffPolicy = "staff";
    /// <summary>A person signed in with a session, owner or maker (their own account's pages); the owner key has no account.</summary>
    public const string SignedInPolicy = "signed-in";
    public const string SignInPath = "/account/sign-in";
    public const string PasswordPath = "/account/password";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerBootstrapOptions>().BindConfiguration(OwnerBootstrapOptions.SectionName);
        services.AddOptions<OwnerKeyThrottleOptions>().BindConfiguration(OwnerKeyThrottleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OwnerKeyThrottle>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLogStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<OwnerSetupTokenStore>();
        services.AddSingleton<OwnerSetupService>();
        services.AddSingleton<AuditTrail>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", OwnerPolicy);
            options.Conventions.AuthorizeFolder("/Maker", MakerPolicy);
            options.Conventions.AuthorizePage("/Account/Password", SignedInPolicy);
        });
        services.AddHostedService<OwnerBootstrapService>();
        // After the bootstrap: a link is printed only when no owner came from configuration either.
        services.AddHostedService<OwnerSetupLinkService>();

        var signIn = configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "makershop.session";
                options.Cookie.HttpOnly = true;
                // Strict: a link from another site never arrives signed in, so no cross-site request can act as the owner.
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the shop is reached over HTTPS; plain HTTP is for loopback and tests only.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(signIn.SessionMinutes);
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = "/account/denied";
                options.Events.OnValidatePrincipal = ValidateSessionAsync;
                options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, OwnerKeyAuthenticationHandler>(OwnerKeyAuthenticationHandler.SchemeName, null);
        string[] schemes = [CookieAuthenticationDefaults.AuthenticationScheme, OwnerKeyAuthenticationHandler.SchemeName];
        services.AddAuthorizationBuilder()
            .AddPolicy(OwnerPolicy, policy => policy.AddAuthenticationSchemes(schemes).RequireRole(nameof(UserRole.Owner)))
            .AddPolicy(MakerPolicy, policy => policy.AddAuthenticationSchemes(schemes).RequireRole(nameof(UserRole.Maker)))
            .AddPolicy(StaffPolicy, policy => policy.AddAuthenticationSchemes(schemes).RequireRole(nameof(UserRole.Owner), nameof(UserRole.Maker)))
            .AddPolicy(SignedInPolicy, policy => policy.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole(nameof(UserRole.Owner), nameof(UserRole.Maker)));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a few minutes and try again.", cancellationToken);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                // Changing a password checks the current one, so it is guessed no faster than signing in; each form has its
                // own allowance, so a person who mistyped at sign-in can still change their password.
                HttpMethods.IsPost(context.Request.Method) && ThrottledForm(context.Request.Path) is { } form
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        form + " " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = signIn.AttemptsPerWindow,
                            Window = TimeSpan.FromSeconds(signIn.WindowSeconds),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unthrottled"));
        });
        return services;
    }

    private static string? ThrottledForm(PathString path) =>
        path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase) ? SignInPath
        : path.StartsWithSegments(PasswordPath, StringComparison.OrdinalIgnoreCase) ? PasswordPath
        : null;

    public static WebApplication UseAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Authentication first: the rate limits leave signed-in people alone, so they need to know who is asking.
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeRequiredMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    // A session ends when its account is disabled or its password changed (the stamp moves with the password).
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(ShopClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(ShopClaims.SecurityStamp)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = id is null ? null : await users.GetAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.Account.Disabled || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // API callers get a status code, not a redirect to an HTML page.
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
