using MakerShop.Core;
using MakerShop.Printers.Reports;
using MakerShop.Web.Options;
using Quartz;

namespace MakerShop.Web.Production;

public static class ProductionSetup
{
    /// <summary>Checkout, the dispatcher and its Quartz jobs, the command outbox, and the handling of printer reports.</summary>
    public static IServiceCollection AddProduction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopOptions>().BindConfiguration(ShopOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();
        services.AddOptions<OrderLimitsOptions>().BindConfiguration(OrderLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrderNumberOptions>().BindConfiguration(OrderNumberOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProductionGate>();
        services.AddSingleton<ShopUrls>();
        services.AddSingleton<JobOutcomes>();
        services.AddSingleton<Dispatcher>();
        services.AddSingleton<CommandResender>();
        services.AddSingleton<OrderPlacementService>();
        services.AddSingleton<PrinterReportHandler>();
        services.AddSingleton<IPrinterReportSink>(sp => sp.GetRequiredService<PrinterReportHandler>());
        services.AddSingleton<QuartzDispatchTrigger>();
        services.AddSingleton<IDispatchTrigger>(sp => sp.GetRequiredService<QuartzDispatchTrigger>());

        var dispatch = configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new DispatchOptions();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<DispatchJob>(job => job.WithIdentity(DispatchJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.ForJob(DispatchJob.Key).WithIdentity("dispatch-interval", "production").StartNow()
                .WithSchedule(Every(TimeSpan.FromSeconds(dispatch.IntervalSeconds))));
            quartz.AddJob<CommandResendJob>(job => job.WithIdentity(CommandResendJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.ForJob(CommandResendJob.Key).WithIdentity("command-resend-interval", "production").StartNow()
                .WithSchedule(Every(TimeSpan.FromSeconds(dispatch.CommandResendSeconds))));
        });
        services.AddQuartzHostedService(options =>
        {
            // The dispatcher builds G-code URLs from the listening address, which exists only once the server has started.
            options.AwaitApplicationStarted = true;
            options.WaitForJobsToComplete = true;
        });
        return services;
    }

    // A missed tick is not worth catching up: the next pass sees the whole queue anyway.
    private static SimpleScheduleBuilder Every(TimeSpan interval) =>
        SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount);
}
