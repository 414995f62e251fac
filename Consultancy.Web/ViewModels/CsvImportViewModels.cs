using Consultancy.Application.Clients.Import;
using Microsoft.AspNetCore.Http;

namespace Consultancy.Web.ViewModels;

/// <summary>The upload form of a CSV import.</summary>
public sealed record CsvImportUpload
{
    public IFormFile? File { get; set; }
}

/// <param name="ImportId">The stored upload to import on confirmation; null when no row of the file can be imported.</param>
/// <param name="Records">The records of the file as the page counts them, like "client(s)".</param>
public sealed record CsvImportPreviewViewModel<TRow>(string? ImportId, string FileName, string Records, ImportPreview<TRow> Preview) where TRow : IImportRow
{
    /// <summary>The most rows the preview lists, in each of its tables.</summary>
    public int ShownRows => 200;

    public CsvImportChoice Choice => new(ImportId, Preview.Plan, Records, Preview.Rows.Count, Preview.AddCount, Preview.UpdateCount,
        Preview.UnchangedCount, Preview.InvalidCount);
}

/// <summary>The counts of a preview and what the importer may do with the file, the same for every kind of record.</summary>
public sealed record CsvImportChoice(string? ImportId, string Plan, string Records, int Rows, int ToAdd, int ToUpdate, int Unchanged, int Invalid)
{
    public int Valid => Rows - Invalid;
}

/// <param name="File">The id of the rows the import skipped, to download.</param>
/// <param name="ListController">The list the records are on (its controller is also its title).</param>
public sealed record CsvImportDoneViewModel(string File, string ListController);
