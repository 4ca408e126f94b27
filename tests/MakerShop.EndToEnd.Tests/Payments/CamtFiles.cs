using System.Globalization;
using System.Security;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>Bank statements as a bank's online banking exports them (ISO 20022 camt.053.001.08), written for one test.</summary>
public static class CamtFiles
{
    public sealed record Credit(string BankReference, decimal Amount, string Currency, string Debtor, string Remittance);

    public static string Statement053(string accountIban, params Credit[] credits)
    {
        var entries = string.Concat(credits.Select((c, i) => $"""
                  <Ntry>
                    <NtryRef>{i + 1}</NtryRef>
                    <Amt Ccy="{c.Currency}">{c.Amount.ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-12-06</Dt></BookgDt>
                    <ValDt><Dt>2026-12-06</Dt></ValDt>
                    <AcctSvcrRef>{c.BankReference}</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls>
                      <TxDtls>
                        <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                        <Amt Ccy="{c.Currency}">{c.Amount.ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <RltdPties><Dbtr><Pty><Nm>{SecurityElement.Escape(c.Debtor)}</Nm></Pty></Dbtr></RltdPties>
                        <RmtInf><Ustrd>{SecurityElement.Escape(c.Remittance)}</Ustrd></RmtInf>
                      </TxDtls>
                    </NtryDtls>
                  </Ntry>

            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-TEST-20261207</MsgId><CreDtTm>2026-12-07T06:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>{accountIban}-2026-12-06</Id>
                  <CreDtTm>2026-12-07T06:00:00+01:00</CreDtTm>
                  <Acct><Id><IBAN>{accountIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
                  <Bal>
                    <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                    <Amt Ccy="EUR">2500.00</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Dt><Dt>2026-12-06</Dt></Dt>
                  </Bal>
            {entries}    </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;
    }
}
