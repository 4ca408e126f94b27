namespace MakerShop.Core.Tests;

public class PrinterRegistrationTests
{
    [Fact]
    public void Registered_printer_starts_offline_and_in_service()
    {
        var printer = Register();

        Assert.Equal(PrinterStatus.Offline, printer.Status);
        Assert.True(printer.InService);
        Assert.False(printer.IsReady);
        Assert.Null(printer.LastSeenAt);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Printer-1")]
    [InlineData("printer/1")]
    [InlineData("printer+")]
    [InlineData("printer#")]
    [InlineData("printer 1")]
    [InlineData("a-printer-id-that-is-far-too-long-to-be-ok")]
    public void Printer_id_must_be_safe_as_an_mqtt_username_and_topic_segment(string id) =>
        Assert.Equal("id", Assert.Throws<DomainValidationException>(() => Register(id: id)).Field);

    [Theory]
    [InlineData("abc")]
    [InlineData("mk3s-07")]
    public void Printer_id_of_lower_case_letters_digits_and_dashes_is_accepted(string id) =>
        Assert.Equal(id, Register(id: id).Id);

    [Fact]
    public void Printer_needs_a_positive_build_volume_and_nozzle()
    {
        Assert.Equal("buildVolume", Assert.Throws<DomainValidationException>(() => Register(volume: new Size3(250, 0, 200))).Field);
        Assert.Equal("nozzleDiameter", Assert.Throws<DomainValidationException>(() => Register(nozzle: 0)).Field);
        Assert.Equal("nozzleDiameter", Assert.Throws<DomainValidationException>(() => Register(nozzle: double.NaN)).Field);
    }

    private static Printer Register(string id = "printer-1", Size3? volume = null, double nozzle = 0.4) =>
        Printer.Register(
            id, "Prusa MK4", PrinterKind.FirmwareBridge, volume ?? new Size3(250, 210, 220), nozzle, "PLA", "black", "DE",
            autoEject: false, Build.T0);
}
