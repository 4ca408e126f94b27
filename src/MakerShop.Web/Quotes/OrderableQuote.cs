using MakerShop.Storage.Stores;
using MakerShop.Web.Quotes.Contracts;

namespace MakerShop.Web.Quotes;

/// <summary>What checkout needs from a quote: the offer as given, its stored price, and the sliced G-code to print.</summary>
public sealed record OrderableQuote(QuoteRecord Record, QuoteResponse Document, StoredSlice Slice);
