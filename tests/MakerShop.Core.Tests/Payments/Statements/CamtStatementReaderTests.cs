using System.Text;

namespace MakerShop.Core.Tests.Payments.Statements;

public class CamtStatementReaderTests
{
    private static BankStatement ReadSample(string name)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Payments", "Statements", "Samples", name));
        return CamtStatementReader.Read(file);
    }

    private static BankStatement ReadText(string xml) => CamtStatementReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void A_camt053_statement_gives_each_booked_credit_and_splits_a_batch()
    {
        var statement = ReadSample("camt053-v02-eur.xml");
        Assert.Equal("camt.053.001.02", statement.Kind);
        Assert.Equal("DE89370400440532013000", statement.AccountIban);
        Assert.Equal(1, statement.DebitCount);
        Assert.Collection(
            statement.Credits,
            c =>
            {
                Assert.Equal(Money.FromMinor(4_250, Currency.Eur), c.Amount);
                Assert.Equal(new DateOnly(2026, 12, 6), c.BookedOn);
                Assert.Equal("2026120600001", c.BankReference);
                Assert.Equal("DE89370400440532013000|2026120600001", c.Key);
                Assert.Equal("Jean Dupont", c.DebtorName);
                Assert.Equal(["MS-K7PQ-2XRT7"], c.References);
            },
            c =>
            {
                Assert.Equal(Money.FromMinor(1_990, Currency.Eur), c.Amount);
                Assert.Equal("2026120600002-A", c.BankReference);
                Assert.Equal("Anna Schmidt", c.DebtorName);
                Assert.Equal(["MS-HN4W-ZC8DZ"], c.References);
            },
            c =>
            {
                Assert.Equal(Money.FromMinor(500, Currency.Eur), c.Amount);
                Assert.Equal(["MS-TBGV-5MYEE"], c.References);
            },
            c =>
            {
                Assert.Equal(Money.FromMinor(12_000, Currency.Eur), c.Amount);
                Assert.Equal("Facture 2026-118", c.Remittance);
                Assert.Empty(c.References);
            });
    }

    [Fact]
    public void A_camt054_v08_notification_reads_the_wrapped_debtor_and_skips_pending_entries()
    {
        var statement = ReadSample("camt054-v08-chf.xml");
        Assert.Equal("camt.054.001.08", statement.Kind);
        Assert.Equal("CH9300762011623852957", statement.AccountIban);
        var credit = Assert.Single(statement.Credits);
        Assert.Equal(Money.FromMinor(5_835, Currency.Chf), credit.Amount);
        Assert.Equal(new DateOnly(2026, 12, 7), credit.BookedOn);
        Assert.Equal("Lea Müller", credit.DebtorName);
        Assert.Null(credit.BankReference);
        Assert.StartsWith("sha256:", credit.Key, StringComparison.Ordinal);
        Assert.Equal(["MS-QF3R-LUA7Y"], credit.References);
    }

    [Fact]
    public void Reading_the_same_file_twice_gives_the_same_keys() =>
        Assert.Equal(ReadSample("camt054-v08-chf.xml").Credits.Select(c => c.Key), ReadSample("camt054-v08-chf.xml").Credits.Select(c => c.Key));

    [Fact]
    public void Malformed_xml_is_refused_with_where_it_broke()
    {
        var error = Assert.Throws<StatementFormatException>(() => ReadText("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"));
        Assert.Contains("not well-formed XML (line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        const string Xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"boom\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt/></Document>";
        Assert.Throws<StatementFormatException>(() => ReadText(Xml));
    }

    [Theory]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.09")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.052.001.02")]
    public void Other_iso_20022_messages_are_named_and_refused(string ns) =>
        Assert.Contains(ns, Assert.Throws<StatementFormatException>(() => ReadText($"<Document xmlns=\"{ns}\"/>")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_file_larger_than_the_limit_is_refused()
    {
        var xml = Encoding.UTF8.GetBytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>" + new string(' ', 5_000) + "</BkToCstmrStmt></Document>");
        Assert.Throws<StatementFormatException>(() => CamtStatementReader.Read(new MemoryStream(xml), maxBytes: 1_000));
    }
}
