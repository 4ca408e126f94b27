using MakerShop.Geometry;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Quotes;

/// <summary>A stored, measured upload: the content-addressed model row and what reading it found.</summary>
public sealed record UploadedModel(StoredModel Stored, ModelReport Report, string FileName, bool Reused);
