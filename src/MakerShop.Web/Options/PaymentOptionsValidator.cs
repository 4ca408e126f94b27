using Microsoft.Extensions.Options;

namespace MakerShop.Web.Options;

/// <summary>
/// Refuses to start a shop that would hand out paid orders for free: confirming payment on placement lets anyone on the
/// internet queue print jobs, so it is allowed only in the Development environment (the demo) and in Testing (the
/// test suite's hosts).
/// </summary>
public sealed class PaymentOptionsValidator(IHostEnvironment environment) : IValidateOptions<PaymentOptions>
{
    public const string TestingEnvironment = "Testing";

    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfirmOnPlacement && !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
        {
            return ValidateOptionsResult.Fail(
                $"MakerShop:Payments:ConfirmOnPlacement is on in the {environment.EnvironmentName} environment. It marks every order " +
                "paid without money and exists only for the demo (Development) and the tests; turn it off.");
        }

        return ValidateOptionsResult.Success;
    }
}
