namespace MakerShop.Core.Tests;

public class InvalidTransitionExceptionTests
{
    [Fact]
    public void Message_names_entity_id_and_both_states()
    {
        var ex = new InvalidTransitionException("Order", "ord_123", "Placed", "Produced");

        Assert.Equal("Order ord_123 cannot move from Placed to Produced.", ex.Message);
        Assert.IsType<DomainException>(ex, exactMatch: false);
    }

    [Fact]
    public void Message_appends_the_reason_when_there_is_one() =>
        Assert.Equal(
            "Printer p-1 cannot move from Idle to Busy: it is out of service.",
            new InvalidTransitionException("Printer", "p-1", "Idle", "Busy", "it is out of service").Message);
}
