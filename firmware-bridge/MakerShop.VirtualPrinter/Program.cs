using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--port"] = "VirtualPrinter:Port",
    ["--time-scale"] = "VirtualPrinter:TimeScale",
    ["--name"] = "VirtualPrinter:Name",
    ["--corrupt-line-once"] = "VirtualPrinter:CorruptLineOnce",
    ["--baud"] = "VirtualPrinter:BaudRate",
    ["--link-latency"] = "VirtualPrinter:LinkLatency",
    ["--advanced-ok"] = "VirtualPrinter:AdvancedOk",
    ["--corrupt-share"] = "VirtualPrinter:CorruptLineShare",
    ["--drop-ok-share"] = "VirtualPrinter:DropOkShare",
    ["--fault-seed"] = "VirtualPrinter:FaultSeed",
});
builder.Services.AddSingleton(builder.Configuration.GetSection("VirtualPrinter").Get<VirtualPrinterOptions>() ?? new VirtualPrinterOptions());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<VirtualMarlinPrinter>();
builder.Services.AddHostedService<VirtualPrinterService>();
await builder.Build().RunAsync();
