using MakerShop.Core;

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
        catch (AdminNotFoundException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message);
        }
        catch (DomainValidationException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] }, detail: ex.Message);
        }
        catch (DomainException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "That change is not allowed in the current state.", detail: ex.Message);
        }
    }
}
