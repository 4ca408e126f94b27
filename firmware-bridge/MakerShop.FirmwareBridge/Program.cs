using MakerShop.FirmwareBridge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Settings: appsettings.json, then --config <file>, then environment (Bridge__Secret=...), then the switches below.
var builder = Host.CreateApplicationBuilder(args);
var switches = new Dictionary<string, string>
{
    ["--printer-id"] = "Bridge:PrinterId",
    ["--mqtt-host"] = "Bridge:MqttHost",
    ["--mqtt-port"] = "Bridge:MqttPort",
    ["--firmware-host"] = "Bridge:FirmwareHost",
    ["--firmware-port"] = "Bridge:FirmwarePort",
    ["--transport"] = "Bridge:Transport",
    ["--serial-port"] = "Bridge:SerialPort",
    ["--baud-rate"] = "Bridge:BaudRate",
    ["--flow-control"] = "Bridge:FlowControl",
    ["--window-size"] = "Bridge:WindowSize",
    ["--work-directory"] = "Bridge:WorkDirectory",
    ["--auto-eject"] = "Bridge:AutoEject",
};
if (builder.Configuration["config"] is { } configFile)
{
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
    builder.Configuration.AddEnvironmentVariables();
}

builder.Configuration.AddCommandLine(args, switches);
builder.Services.AddFirmwareBridge();
await builder.Build().RunAsync();
