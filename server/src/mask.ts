// Personal data never reaches the logs in the clear: phones keep 3+4 digits, names the surname,
// identity numbers their region prefix and check digit.
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '***';
}

export function maskName(name: string): string {
  return name ? name[0] + '*'.repeat(Math.max(1, [...name].length - 1)) : '';
}

export function maskIdNumber(id: string): string {
  return id.length > 8 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 4)}${id.slice(-1)}` : '***';
}

export function maskAccount(no: string): string {
  return no.length > 4 ? `${'*'.repeat(no.length - 4)}${no.slice(-4)}` : '****';
}
