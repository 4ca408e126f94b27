using MakerShop.Core;
using MakerShop.Web.Accounts;

namespace MakerShop.Web.Admin;

/// <summary>Runs an owner action and turns what it refused into a ProblemDetails: 404 unknown, 400 naming the field, 409 a state rule.</summary>
public static class AdminProblems
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is AdminNotFoundException or DomainException)
        {
            return ToProblem(ex);
        }
    }

    /// <summary>As <see cref="RunAsync(Func{Task{IResult}})"/>, and a refusal is audited as "{action}Refused" with its reason.</summary>
    public static async Task<IResult> RunAsync(HttpContext context, AuditTrail audit, string action, string? target, Func<Task<IResult>> body)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is AdminNotFoundException or DomainException)
        {
            await audit.RecordAsync(context, action + "Refused", target, ex.Message);
            return ToProblem(ex);
        }
    }

    private static IResult ToProblem(Exception ex) => ex switch
    {
        AdminNotFoundException => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message),
        DomainValidationException invalid => Results.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }, detail: invalid.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "That change is not allowed in the current state.", detail: ex.Message),
    };
}
