using Microsoft.AspNetCore.Mvc;

namespace MakerShop.Web.Accounts;

/// <summary>
/// A person signed in with a password the owner reset may do nothing but choose their own: every maker and admin
/// page sends them to the change-password page, and every API call is refused with a ProblemDetails 403. The
/// storefront stays open, as it is to anyone.
/// </summary>
public sealed class PasswordChangeRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] GuardedAreas = ["/maker", "/admin", "/api"];

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        var path = context.Request.Path;
        if (!ShopClaims.MustChangePassword(context.User) || !GuardedAreas.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Password change required",
                    Detail = $"The owner reset this account's password: choose a new one at {AccountsSetup.PasswordPath} first.",
                },
            });
            return;
        }

        var returnUrl = path + context.Request.QueryString;
        context.Response.Redirect($"{AccountsSetup.PasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
