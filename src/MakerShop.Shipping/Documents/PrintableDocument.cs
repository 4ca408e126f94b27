namespace MakerShop.Shipping.Documents;

/// <summary>One file to print: a PDF (customs forms, invoices, PDF labels) or a label image (PNG, JPEG).</summary>
public sealed record PrintableDocument(byte[] Content, string ContentType);
