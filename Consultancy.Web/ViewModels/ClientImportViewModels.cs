using Consultancy.Application.Clients.Import;
using Microsoft.AspNetCore.Http;

namespace Consultancy.Web.ViewModels;

/// <summary>The upload form of the client import.</summary>
public sealed record ClientImportUpload
{
    public IFormFile? File { get; set; }
}

/// <param name="ImportId">The stored upload to import on confirmation; null when the file cannot be imported as it is.</param>
public sealed record ClientImportPreviewViewModel(string? ImportId, string FileName, ClientImportPreview Preview)
{
    public const int ShownRows = 200;
}
