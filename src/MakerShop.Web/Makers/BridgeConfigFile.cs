using System.Text.Json;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Devices;

namespace MakerShop.Web.Makers;

/// <summary>The appsettings.json a maker drops beside the firmware-bridge: its identity, secret and the shop's broker.
/// The serial port and speed are the usual defaults for a USB-connected Marlin; the maker adjusts them.</summary>
public static class BridgeConfigFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string For(DeviceCredentials credentials, string mqttHost, int mqttPort, bool autoEject)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var bridge = new JsonObject
        {
            ["PrinterId"] = credentials.PrinterId,
            ["Secret"] = credentials.Secret,
            ["MqttHost"] = mqttHost,
            ["MqttPort"] = mqttPort,
            ["Transport"] = "Serial",
            ["SerialPort"] = "/dev/ttyACM0",
            ["BaudRate"] = 115200,
            ["FlowControl"] = "Windowed",
            ["AutoEject"] = autoEject,
        };
        return new JsonObject { ["Bridge"] = bridge }.ToJsonString(Indented);
    }
}
