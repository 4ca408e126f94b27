using MakerShop.Storage.Stores;
using MakerShop.Web.Payments.Stripe;
using MakerShop.Web.Production;

namespace MakerShop.Web.Payments;

public static class PaymentsSetup
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankTransferOptions>().BindConfiguration(BankTransferOptions.SectionName);
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerKeyOptions>().BindConfiguration(OwnerKeyOptions.SectionName);
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<ProductionRelease>();
        services.AddSingleton<PaymentConfirmation>();
        services.AddSingleton<IPaymentProvider, BankTransferProvider>();
        services.AddSingleton<BankAccountStore>();
        services.AddSingleton<BankReceiptStore>();
        services.AddSingleton<BankAccountDirectory>();
        services.AddSingleton<BankTransferReceipts>();
        services.AddSingleton<Notifications.PaymentReceivedMail>();
        services.AddHttpClient(StripeCheckoutProvider.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        if (configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() is { Enabled: true })
        {
            services.AddSingleton<IPaymentProvider, StripeCheckoutProvider>();
        }

        return services;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var payments = app.MapGroup("/api/payments").WithTags("Payments");
        payments.MapPost("/stripe/webhook", StripeWebhookEndpoint.HandleAsync).WithName("StripeWebhook").WithMetadata(Security.BoundsOwnBodyMetadata.Instance);
        payments.MapPost("/bank-transfers/{reference}/confirm", BankTransferConfirmEndpoint.HandleAsync).WithName("ConfirmBankTransfer")
            .RequireAuthorization(Accounts.AccountsSetup.OwnerPolicy);
        return app;
    }
}
