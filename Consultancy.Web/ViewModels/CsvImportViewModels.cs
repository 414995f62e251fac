using Consultancy.Application.Clients.Import;
using Microsoft.AspNetCore.Http;

namespace Consultancy.Web.ViewModels;

/// <summary>The upload form of a CSV import.</summary>
public sealed record CsvImportUpload
{
    public IFormFile? File { get; set; }
}

/// <param name="ImportId">The stored upload to import on confirmation; null when the file cannot be imported as it is.</param>
public sealed record CsvImportPreviewViewModel<TRow>(string? ImportId, string FileName, ImportPreview<TRow> Preview) where TRow : IImportRow
{
    /// <summary>The most rows the preview lists, in each of its tables.</summary>
    public int ShownRows => 200;
}
