using System.Security.Claims;
using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using CsvHelper;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Consultancy.Web.Controllers;

/// <summary>
/// A CSV import in two steps, the same for every kind of record: upload, a preview of every row (what each adds or
/// changes), then every row or none, or the valid rows with the others handed back as a file to correct. The upload is
/// kept between the steps (<see cref="ImportUploads"/>) so the preview and the import read the same file, and the
/// preview's digest goes with the confirmation so the import writes what the preview showed, or nothing.
/// </summary>
/// <typeparam name="TRow">A row of the preview.</typeparam>
public abstract class CsvImportController<TRow>(IMediator mediator, ImportUploads uploads) : Controller where TRow : IImportRow
{
    /// <summary>Room for the multipart envelope around a file of the largest size accepted, so that size gets a message, not a refusal.</summary>
    private const long RequestLimit = ImportUploads.MaxBytes + 1024 * 1024;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    protected abstract IRequest<ImportPreview<TRow>> Preview(Stream csv);

    protected abstract IRequest<ImportResult> Import(Stream csv, ImportChoice choice, string plan);

    /// <summary>The records of the file as the messages count them, like "client(s)".</summary>
    protected abstract string Records { get; }

    /// <summary>The controller of the list the records are on, which is also its title ("Clients").</summary>
    protected abstract string ListController { get; }

    /// <summary>Where an import that skipped nothing ends.</summary>
    protected virtual IActionResult ListAfterImport() => RedirectToAction("Index", ListController);

    /// <summary>The documented columns, and the name of the file that holds just their header row.</summary>
    protected abstract (IEnumerable<string> Headers, string FileName) TemplateColumns();

    [HttpGet("")]
    public IActionResult Index() => View(new CsvImportUpload());

    [HttpPost(""), RequestSizeLimit(RequestLimit), RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Index(CsvImportUpload form, CancellationToken ct)
    {
        if (form.File is not { } file)
            return Refuse(form, "Choose a CSV file to upload.");
        if (file.Length > ImportUploads.MaxBytes)
            return Refuse(form, $"The file is {file.Length / 1024 / 1024.0:0.#} MB; the largest import is {ImportUploads.MaxBytes / 1024 / 1024} MB. Split it into smaller files.");

        var id = await uploads.SaveAsync(UserId, file, ct);
        ImportPreview<TRow> preview;
        try
        {
            await using var csv = uploads.Open(UserId, id)!;
            preview = await mediator.Send(Preview(csv), ct);
        }
        catch (ValidationException)
        {
            uploads.Delete(UserId, id);
            throw;
        }
        var importable = preview.ValidCount > 0;
        if (!importable) uploads.Delete(UserId, id);
        return View("Preview", new CsvImportPreviewViewModel<TRow>(importable ? id : null, Path.GetFileName(file.FileName), Records, preview));
    }

    /// <param name="importId">The upload previewed.</param>
    /// <param name="choice">Every row or none, or the valid rows only.</param>
    /// <param name="plan">The preview's digest; a form without it is refused like one whose file no longer does what it showed.</param>
    [HttpPost("Commit"), OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Commit(string? importId, ImportChoice choice, string? plan, CancellationToken ct)
    {
        ImportResult result;
        try
        {
            await using var csv = uploads.Open(UserId, importId)
                ?? throw new ValidationException(ImportClients.FileField, "This upload has expired or was already imported. Upload the file again.");
            result = await mediator.Send(Import(csv, choice, plan ?? ""), ct);
        }
        finally
        {
            uploads.Delete(UserId, importId);
        }

        var skipped = result.Rejected.Rows.Count;
        TempData.Success($"Import done: {result.Added} {Records} added, {result.Updated} updated"
            + (result.Unchanged > 0 ? $", {result.Unchanged} unchanged" : "") + (skipped > 0 ? $"; {skipped} row(s) skipped" : "") + ".");
        if (skipped == 0) return ListAfterImport();
        var file = await uploads.SaveRejectedAsync(UserId, result.Rejected.WriteAsync, ct);
        return RedirectToAction(nameof(Done), new { file });
    }

    /// <summary>The end of an import that skipped rows: the download of those rows.</summary>
    [HttpGet("Done/{file}")]
    public IActionResult Done(string file) =>
        uploads.HasRejected(UserId, file) ? View("CsvImportDone", new CsvImportDoneViewModel(file, ListController)) : NotFound();

    /// <summary>The rows an import skipped, with the reason for each in a last column, to correct and import again.</summary>
    [HttpGet("Rejected/{file}")]
    public IActionResult Rejected(string file) =>
        uploads.OpenRejected(UserId, file) is { } csv
            ? File(csv, "text/csv; charset=utf-8", $"rejected-{ListController.ToLowerInvariant()}.csv")
            : NotFound();

    /// <summary>The header row of the documented column set, to fill in a spreadsheet.</summary>
    [HttpGet("Template")]
    public async Task<IActionResult> Template(CancellationToken ct)
    {
        var (headers, fileName) = TemplateColumns();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await using var csv = CsvWriter.Create(Response.Body, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(headers.ToArray());
        await csv.FlushAsync(ct);
        return new EmptyResult();
    }

    private ViewResult Refuse(CsvImportUpload form, string message)
    {
        ModelState.AddModelError(nameof(CsvImportUpload.File), message);
        var view = View(nameof(Index), form);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
