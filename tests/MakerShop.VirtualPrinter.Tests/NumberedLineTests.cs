using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class NumberedLineTests
{
    [Theory]
    [InlineData(0, "M110 N0", "N0 M110 N0*125")]
    [InlineData(1, "G28", "N1 G28*18")]
    [InlineData(49, "M105", "N49 M105*26")]
    public void The_test_host_frames_lines_like_OctoPrint(long number, string command, string expected) =>
        Assert.Equal(expected, NumberedLine.Format(number, command));
}
