namespace MakerShop.Core.Tests.Payments.BankTransfers;

public class BankTransferReferenceFinderTests
{
    [Fact]
    public void A_reference_is_found_however_it_was_written()
    {
        var reference = BankTransferReference.New();
        var compact = reference.Replace("-", "", StringComparison.Ordinal);
        foreach (var text in new[] { $"Order {reference} thanks", $"REF {compact}/INV 12", $"pay {compact.ToLowerInvariant()}", $"{reference[..7]} {reference[7..]}", $"ref:{reference}" })
        {
            Assert.Equal([reference], BankTransferReferenceFinder.FindAll(text));
        }
    }

    [Fact]
    public void A_mistyped_reference_is_not_found()
    {
        var reference = BankTransferReference.New();
        var last = reference[^1];
        var wrong = reference[..^1] + (last == 'A' ? 'B' : 'A');
        Assert.Empty(BankTransferReferenceFinder.FindAll("Payment " + wrong));
    }

    [Fact]
    public void Two_references_in_one_transfer_are_both_found()
    {
        var (first, second) = (BankTransferReference.New(), BankTransferReference.New());
        Assert.Equal([first, second], BankTransferReferenceFinder.FindAll($"{first} and {second}"));
    }

    [Fact]
    public void Text_without_a_reference_finds_nothing() =>
        Assert.Empty(BankTransferReferenceFinder.FindAll("SEPA transfer Jean Dupont invoice 2026-11"));
}
