export async function totals(db, accountId) {
  const rows = await db.query('select amount from ledger where account = $1', [accountId]).catch(() => null);
  if (rows) console.info('ledger rows', rows.length);
  return rows.reduce((sum, row) => sum + row.amount, 0);
}
