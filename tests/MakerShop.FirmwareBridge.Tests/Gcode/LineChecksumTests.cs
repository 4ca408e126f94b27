using MakerShop.FirmwareBridge.Gcode;

namespace MakerShop.FirmwareBridge.Tests.Gcode;

public sealed class LineChecksumTests
{
    [Theory]
    [InlineData(0, "M110 N0", "N0 M110 N0*125")]
    [InlineData(1, "G28", "N1 G28*18")]
    [InlineData(49, "M105", "N49 M105*26")]
    [InlineData(50, "M113 S2", "N50 M113 S2*84")]
    [InlineData(8540, "G1 X145.558 Y107.205 E0.09386 F1597.1", "N8540 G1 X145.558 Y107.205 E0.09386 F1597.1*37")]
    [InlineData(6324, "G1 E-3.0000 F1650", "N6324 G1 E-3.0000 F1650*42")]
    [InlineData(134497, "G1 X18.64 Y-54.548 E10.8357", "N134497 G1 X18.64 Y-54.548 E10.8357*72")]
    public void Format_matches_the_verified_reference_vectors(long lineNumber, string command, string expected) =>
        Assert.Equal(expected, LineChecksum.Format(lineNumber, command));
}
