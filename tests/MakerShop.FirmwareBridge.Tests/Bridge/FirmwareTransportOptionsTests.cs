using System.ComponentModel.DataAnnotations;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>
/// Transport and flow-control settings. The serial transport cannot be exercised without a port here: what is tested
/// is that it is chosen and configured from the options, and that a missing port fails on open (the supervisor then
/// retries) rather than at start-up.
/// </summary>
public sealed class FirmwareTransportOptionsTests
{
    private static readonly BridgeOptions Valid = new() { PrinterId = "p1", Secret = "s", FirmwarePort = 8250 };

    [Fact]
    public void Tcp_is_the_default_and_ping_pong_with_a_window_of_four_the_flow_control()
    {
        Assert.Empty(Validate(Valid));
        Assert.Equal((FirmwareTransportKind.Tcp, FlowControl.PingPong, 4, 115_200), (Valid.Transport, Valid.FlowControl, Valid.WindowSize, Valid.BaudRate));
        var transport = Assert.IsType<TcpFirmwareTransport>(FirmwareTransportFactory.Create(Valid));
        Assert.Equal(("127.0.0.1", 8250), (transport.Host, transport.Port));
    }

    [Fact]
    public void The_serial_transport_is_chosen_with_its_port_and_baud_rate()
    {
        var options = Valid with { Transport = FirmwareTransportKind.Serial, SerialPort = "/dev/ttyUSB0", BaudRate = 250_000, FirmwarePort = 0 };

        Assert.Empty(Validate(options));
        var transport = Assert.IsType<SerialFirmwareTransport>(FirmwareTransportFactory.Create(options));
        Assert.Equal(("/dev/ttyUSB0", 250_000), (transport.PortName, transport.BaudRate));
    }

    [Theory]
    [InlineData(FirmwareTransportKind.Serial, null, 0, 115_200, 4, "SerialPort")]
    [InlineData(FirmwareTransportKind.Tcp, null, 0, 115_200, 4, "FirmwarePort")]
    [InlineData(FirmwareTransportKind.Serial, "/dev/ttyACM0", 0, 0, 4, "BaudRate")]
    [InlineData(FirmwareTransportKind.Tcp, null, 8250, 115_200, 0, "WindowSize")]
    public void Invalid_settings_are_reported_by_name(FirmwareTransportKind kind, string? serialPort, int firmwarePort, int baudRate, int window, string member)
    {
        var options = Valid with { Transport = kind, SerialPort = serialPort, FirmwarePort = firmwarePort, BaudRate = baudRate, WindowSize = window };

        Assert.Contains(Validate(options), result => result.MemberNames.Contains(member));
    }

    [Fact]
    public void The_link_gets_the_flow_control_settings()
    {
        var options = Valid with { FlowControl = FlowControl.Windowed, WindowSize = 8, OkTimeout = TimeSpan.FromSeconds(3) };

        Assert.Equal(new GcodeLinkOptions { FlowControl = FlowControl.Windowed, WindowSize = 8, OkTimeout = TimeSpan.FromSeconds(3) }, options.ToLinkOptions());
    }

    [Fact]
    public async Task Opening_a_serial_port_that_does_not_exist_fails_on_open()
    {
        var transport = new SerialFirmwareTransport("/dev/ttyMAKERSHOP-absent", 115_200);

        var failure = await Record.ExceptionAsync(() => transport.OpenAsync());

        // System.IO.Ports reports a missing device as IOException or, on Linux, UnauthorizedAccessException.
        Assert.True(failure is IOException or UnauthorizedAccessException, failure?.ToString());
    }

    private static List<ValidationResult> Validate(BridgeOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
