using Consultancy.Application.Playbooks;

namespace Consultancy.Web.ViewModels;

/// <summary>One editable playbook row; <see cref="Item"/> is null for the "add" row.</summary>
public sealed record PlaybookItemForm(int PlaybookId, string FormKey, PlaybookItemRow? Item);
